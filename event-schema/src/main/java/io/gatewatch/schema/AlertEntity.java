package io.gatewatch.schema;

/** What an alert is about: {@code type} is user, ip, tenant, user+ip or user+org; {@code value} names it. */
public record AlertEntity(String type, String value) {
}
