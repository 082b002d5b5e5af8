# Gatewatch images, built from this checkout (docker build --target app|cli .).
# Not exercised on the build machines (no Docker engine there): see docs/operations.md#with-docker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -T 1 -q -DskipTests package

# The deployable: streams app, API and dashboard; no generator, broker or launcher in it.
FROM eclipse-temurin:17-jre AS app
WORKDIR /app
COPY --from=build /src/streams-app/target/streams-app.jar /app/
COPY --from=build /src/streams-app/target/lib/ /app/lib/
EXPOSE 8080 9404
ENTRYPOINT ["java", "-Xmx1g", "-cp", "/app/streams-app.jar:/app/lib/*", "io.gatewatch.app.runtime.RunCommand"]

# The launcher (generate, classify, analyze, diagnose, ...), used here for the traffic generator.
FROM eclipse-temurin:17-jre AS cli
WORKDIR /app
COPY --from=build /src/gatewatch-cli/target/gatewatch-cli.jar /app/
COPY --from=build /src/gatewatch-cli/target/lib/ /app/lib/
ENTRYPOINT ["java", "-Xmx512m", "-cp", "/app/gatewatch-cli.jar:/app/lib/*", "io.gatewatch.cli.Gatewatch"]
