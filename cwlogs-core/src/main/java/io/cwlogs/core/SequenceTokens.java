package io.cwlogs.core;

/**
 * The {@code sequenceToken}s of PutLogEvents: AWS ignores them since 2023 but still returns
 * {@code nextSequenceToken}, and some clients (CloudWatchLogs.jl, older agents) read it, so every answer
 * carries one: the stream's last event sequence as 56 digits, the length AWS's tokens have.
 */
public final class SequenceTokens {

  private SequenceTokens() {}

  public static String of(long sequence) {
    return String.format("%056d", sequence);
  }
}
