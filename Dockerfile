# syntax=docker/dockerfile:1
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/tresor-*.jar /tresor.jar

FROM eclipse-temurin:17-jre
# libgcrypt (GnuPG's crypto library) encrypts uploads about twice as fast as the JDK; see tresor.crypto.aes-engine
RUN apt-get update && apt-get install -y --no-install-recommends libgcrypt20 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system tresor && useradd --system --gid tresor --home-dir /var/lib/tresor tresor \
    && mkdir -p /var/lib/tresor && chown tresor:tresor /var/lib/tresor
COPY --from=build /tresor.jar /opt/tresor/tresor.jar
USER tresor
VOLUME /var/lib/tresor
ENV SPRING_PROFILES_ACTIVE=prod TRESOR_DATA_DIR=/var/lib/tresor
EXPOSE 8080
# an OutOfMemoryError can end a thread nothing replaces (it once ended Tomcat's acceptor, and the instance took no
# new connection): better to exit and be restarted (docker-compose.yml: restart: unless-stopped)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/tresor/tresor.jar"]
