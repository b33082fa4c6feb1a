/**
 * The spec's "CDS Service": what one service id answers, the explicit catalog of services, and the
 * orchestration of one call (prefetch, chart, knowledge, cards). No Jetty types.
 */
package org.ironcds.cdsservice;
