/**
 * Prefetch: the data a hook call needs, whether the EHR prefetched it or not.
 *
 * <p>{@link org.ironcds.prefetch.PrefetchTemplates} are the templates published in discovery (data
 * in {@code prefetch/templates.json}, checked against the CDS Hooks 2.0 token rules). {@link
 * org.ironcds.prefetch.PrefetchResolver} uses what the client sent, fetches what it left out from
 * the client's FHIR server (allow-listed, in parallel, under one deadline, following pages) and
 * throws {@link org.ironcds.prefetch.MissingDataException} (HTTP 412) when required data cannot be
 * had.
 *
 * <pre>{@code
 * PrefetchTemplates templates = PrefetchTemplates.load(labCodeTokens);
 * PrefetchResolver resolver = new PrefetchResolver(templates, options, metrics);   // share one
 * PrefetchData data = resolver.resolve(request, templates.requiredKeys());
 * chartAssembler.assemble(data.resources());
 * }</pre>
 *
 * <p>No Jetty types and no environment variables here. Access tokens, patient ids, request URLs
 * and resource bodies never reach a log line or an exception message.
 */
package org.ironcds.prefetch;
