/**
 * The clinical knowledge of the service: {@link org.ironcds.knowledge.Knowledge} loads and checks
 * the data files (value sets and settings) at start-up, and {@link org.ironcds.knowledge.Advisor}
 * turns a patient chart into cards.
 */
package org.ironcds.knowledge;
