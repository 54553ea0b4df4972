/**
 * What both service clients share: {@link io.twinsdk.service.Response} (status, headers, ETag and value),
 * {@link io.twinsdk.service.Page} with the sync {@link io.twinsdk.service.PagedIterable} and async
 * {@link io.twinsdk.service.AsyncPages}, request conditions, transport options and the one unchecked exception tree
 * rooted at {@link io.twinsdk.service.ServiceException}.
 *
 * <p>Arguments and results are non-null unless documented otherwise; absent values are {@link java.util.Optional}.
 */
package io.twinsdk.service;
