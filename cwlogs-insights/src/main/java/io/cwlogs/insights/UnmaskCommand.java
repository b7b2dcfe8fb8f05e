package io.cwlogs.insights;

/**
 * {@code unmask}: shows data-protected content unmasked. This service stores events unmasked, so it
 * passes rows through unchanged.
 */
record UnmaskCommand() implements Command {}
