package org.ironcds.knowledge.rules;

/** How urgent a finding is; cards map it to their indicator. */
public enum Severity {
  WARNING,
  CRITICAL;

  public Severity max(Severity other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
