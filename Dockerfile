# Build with the project's Maven wrapper, run on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY processes processes
COPY decisions decisions
COPY register-app register-app
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 orchestrator
WORKDIR /app
COPY --from=build /src/target/checkout-orchestrator-*.jar app.jar
USER orchestrator
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
