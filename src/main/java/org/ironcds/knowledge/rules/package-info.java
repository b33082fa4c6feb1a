/**
 * The rules: one class per clinical situation, each a pure function of the chart and the signing
 * moment that returns a {@link org.ironcds.knowledge.rules.Finding} or nothing. {@link
 * org.ironcds.knowledge.rules.RuleBook} lists them explicitly and merges findings on one order.
 */
package org.ironcds.knowledge.rules;
