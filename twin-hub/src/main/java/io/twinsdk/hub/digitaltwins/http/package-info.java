/**
 * What every Digital Twins route shares: the service's error responses, ETag preconditions and list paging.
 */
package io.twinsdk.hub.digitaltwins.http;
