package io.cwlogs.insights;

/**
 * A number discovered in a JSON event: it computes as a number and renders as the text it was
 * written with, so that {@code 12345678901234567890} or {@code 1.50} come back unchanged.
 *
 * @param text the JSON number's text
 * @param value its value as a double
 */
record NumberText(String text, double value) {}
