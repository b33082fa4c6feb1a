package org.ironcds; public final class Main { public static void main(String[] a){} }
