# Builds the runnable jar and runs it on a JRE. docker-compose.yml uses this image.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 lifecycle
WORKDIR /app
COPY --from=build /src/target/atlassian-lifecycle-*-exec.jar /app/atlassian-lifecycle.jar
USER lifecycle
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/atlassian-lifecycle.jar"]
