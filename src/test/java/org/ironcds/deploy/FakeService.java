package org.ironcds.deploy;

/** A stand-in for the service jar in script tests: its self-test fails when FAKE_SELF_TEST=fail. */
public final class FakeService {
  private FakeService() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("self-test") && "fail".equals(System.getenv("FAKE_SELF_TEST"))) {
      System.exit(1);
    }
    System.out.println("fake " + String.join(" ", args));
  }
}
