/**
 * Paging and sorting for the services' list endpoints: {@link dev.emporium.platform.paging.SortWhitelist} says
 * which {@code ?sort=} properties a list accepts and the SQL columns they map to, and
 * {@link dev.emporium.platform.paging.UnsupportedSortException} is the 400 problem for any other. Page size and
 * the {@code PagedModel} answer shape are set by the defaults in {@code dev.emporium.platform.defaults}.
 */
package dev.emporium.platform.paging;
