package io.cwlogs.insights;

/**
 * One cell of a GetQueryResults row: a field name and its value rendered as AWS renders it.
 *
 * @param field the column name, such as {@code @timestamp} or {@code count(*)}
 * @param value the value as a string, never null
 */
public record ResultField(String field, String value) {}
