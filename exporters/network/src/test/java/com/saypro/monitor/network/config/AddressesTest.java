package com.saypro.monitor.network.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Only canonical address spellings are accepted; the ones resolvers read as addresses are not names. */
class AddressesTest {
  @Property
  void everyDottedQuadIsALiteralOfThoseBytes(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
      @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
    String text = a + "." + b + "." + c + "." + d;
    assertThat(Addresses.literal(text)).map(InetAddress::getHostAddress).contains(text);
  }

  @Property
  void decimalHexAndShortFormsAreNeitherLiteralsNorNames(@ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long n) {
    for (String form : new String[] {Long.toString(n), "0x" + Long.toHexString(n), "0" + Long.toOctalString(n),
        (n >>> 24) + "." + (n & 0xFFFFFF), (n >>> 24) + "." + ((n >>> 16) & 0xFF) + "." + (n & 0xFFFF)}) {
      assertThat(Addresses.literal(form)).as(form).isEmpty();
      assertThat(Addresses.isHostName(form)).as(form).isFalse();
    }
  }

  @Property
  void leadingZerosAreRefused(@ForAll @IntRange(min = 0, max = 99) int part) {
    assertThat(Addresses.literal("127.0.0." + String.format("0%d", part))).isEmpty();
  }

  @Property
  void mappedIpv6IsTheIpv4AddressItCarries(@ForAll @IntRange(max = 255) int last) {
    assertThat(Addresses.literal("::ffff:127.0.0." + last)).map(InetAddress::getHostAddress).contains("127.0.0." + last);
  }

  @Property
  void hostAndPortRejectsPortsOutOfRange(@ForAll @IntRange(min = 65536, max = 999999) int port) {
    assertThat(Addresses.hostAndPort("web1.example.com:" + port)).isEmpty();
    assertThat(Addresses.ipAndPort("127.0.0.1:" + port, 53)).isEmpty();
  }

  @Property(tries = 50)
  void namesWithALetterInTheLastLabelAreNames(@ForAll @IntRange(max = 9999) int n) {
    assertThat(Addresses.isHostName("web" + n + ".saypro.test")).isTrue();
    assertThat(Addresses.isHostName("10." + n + ".test")).isTrue();
    assertThat(Addresses.isHostName("web" + n + ".saypro." + n)).isFalse();
  }
}
