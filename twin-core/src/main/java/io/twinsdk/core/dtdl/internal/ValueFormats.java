package io.twinsdk.core.dtdl.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of the string formats of DTDL temporal schemas: RFC 3339 dates and times, ISO 8601 durations. */
public final class ValueFormats {

  private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";
  private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?";
  private static final String OFFSET = "([Zz]|[+-](\\d{2}):(\\d{2}))";
  private static final Pattern DATE_ONLY = Pattern.compile(DATE);
  private static final Pattern DATE_TIME = Pattern.compile(DATE + "[Tt]" + TIME + OFFSET);
  private static final Pattern TIME_ONLY = Pattern.compile(TIME + OFFSET + "?");
  private static final String NUMBER = "\\d+(?:[.,]\\d+)?";
  private static final Pattern DURATION = Pattern.compile("-?P(?=\\d|T\\d)(?:" + NUMBER + "Y)?(?:" + NUMBER
      + "M)?(?:" + NUMBER + "W)?(?:" + NUMBER + "D)?(?:T(?=\\d)(?:" + NUMBER + "H)?(?:" + NUMBER + "M)?(?:" + NUMBER
      + "S)?)?");

  private static final int MAX_HOUR = 23;
  private static final int MAX_MINUTE = 59;
  /** RFC 3339 allows a leap second. */
  private static final int MAX_SECOND = 60;

  private ValueFormats() {}

  /** Returns whether {@code text} is an RFC 3339 full-date such as {@code 2024-02-29}. */
  public static boolean isDate(String text) {
    return DATE_ONLY.matcher(text).matches() && isCalendarDate(text);
  }

  /** Returns whether {@code text} is an RFC 3339 date-time with an offset, such as {@code 2024-02-29T12:00:00.5Z}. */
  public static boolean isDateTime(String text) {
    Matcher m = DATE_TIME.matcher(text);
    return m.matches() && isCalendarDate(m.group(1)) && isTime(m.group(2), m.group(3), m.group(4))
        && isOffset(m.group(6), m.group(7));
  }

  /** Returns whether {@code text} is an RFC 3339 partial-time or full-time: {@code 12:30:00} or {@code 12:30:00Z}. */
  public static boolean isTime(String text) {
    Matcher m = TIME_ONLY.matcher(text);
    return m.matches() && isTime(m.group(1), m.group(2), m.group(3)) && isOffset(m.group(5), m.group(6));
  }

  /** Returns whether {@code text} is an ISO 8601 duration such as {@code P1DT2H30M} or {@code PT0.5S}. */
  public static boolean isDuration(String text) {
    return DURATION.matcher(text).matches();
  }

  private static boolean isCalendarDate(String date) {
    try {
      LocalDate.parse(date);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isTime(String hour, String minute, String second) {
    return Integer.parseInt(hour) <= MAX_HOUR && Integer.parseInt(minute) <= MAX_MINUTE
        && Integer.parseInt(second) <= MAX_SECOND;
  }

  private static boolean isOffset(String hour, String minute) {
    return hour == null || (Integer.parseInt(hour) <= MAX_HOUR && Integer.parseInt(minute) <= MAX_MINUTE);
  }
}
