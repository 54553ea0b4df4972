/**
 * The request pipeline both service clients share (not public API): building requests, authorization (SAS and
 * bearer, cached), retries with backoff, error mapping, logging, and completing results on the callback executor.
 */
package io.twinsdk.service.internal;
