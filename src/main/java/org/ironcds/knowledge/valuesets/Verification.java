package org.ironcds.knowledge.valuesets;

/**
 * How well a code was checked, using the marks of the clinical reference: two independent sources,
 * one primary source, secondary sources only, or recalled and not found in any source.
 */
public enum Verification {
  V2,
  V,
  S,
  R;

  /** Recalled codes stay out of matching unless a hospital switches them on explicitly. */
  public boolean onByDefault() {
    return this != R;
  }
}
