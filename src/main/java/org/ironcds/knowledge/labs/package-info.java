/**
 * Lab interpretation: unit normalisation (mass and molar UCUM units to one canonical unit per
 * analyte), albumin correction of calcium, lower limits (the lab's own, else a configured default)
 * and the latest result per analyte with its age. Pure functions; no I/O.
 */
package org.ironcds.knowledge.labs;
