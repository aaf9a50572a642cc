package com.saypro.monitor.demo.db;

import java.util.Random;

/** Order numbers such as {@code SP-7K2Q9D4M1X}: {@code SP-} and ten of 0-9, A-Z. */
public final class OrderNumbers {
  public static final String PATTERN = "SP-[0-9A-Z]{10}";
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private final Random random;

  public OrderNumbers(Random random) {
    this.random = random;
  }

  public String next() {
    char[] number = new char[10];
    synchronized (random) {
      for (int i = 0; i < number.length; i++) {
        number[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
    }
    return "SP-" + new String(number);
  }
}
