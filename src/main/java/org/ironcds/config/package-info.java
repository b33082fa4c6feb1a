/**
 * Configuration: {@code IRONCDS_*} environment variables, optionally from a file, turned into
 * immutable records once at start-up and validated there. A leaf package: nothing else here reads
 * the environment, and no package depends on this one except the composition root.
 */
package org.ironcds.config;
