package io.gatewatch.generator;

import java.time.Instant;

/** One generated event before it is written in an output format: a sign-in or a Dynamics access. */
public sealed interface GeneratedEvent {

    Instant time();

    String tenantId();

    record SignIn(SignInSpec spec) implements GeneratedEvent {
        @Override
        public Instant time() {
            return spec.time();
        }

        @Override
        public String tenantId() {
            return spec.user().tenantId();
        }
    }

    record DynamicsAccess(DynamicsAccessSpec spec) implements GeneratedEvent {
        @Override
        public Instant time() {
            return spec.time();
        }

        @Override
        public String tenantId() {
            return spec.user().tenantId();
        }
    }
}
