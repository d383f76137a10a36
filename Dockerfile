# Relance: build with the Maven Wrapper on a JDK, run the Spring Boot jar on a JRE as a non-root user.
#   docker build -t relance .
#   docker compose up --build          (PostgreSQL + GreenMail sandbox + Relance; see README)

# ---- build ------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src

# The wrapper and the POMs first: this layer and the dependency download below stay cached until
# a pom.xml changes, not on every source edit.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY templates/pom.xml templates/
COPY engine/pom.xml engine/
COPY api/pom.xml api/
# Warms the local repository only. The modules depend on each other and are not built yet, so some
# resolution may fail here; `package` below fetches whatever is still missing, and fails loudly if it
# cannot.
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true

COPY templates/src/ templates/src/
COPY engine/src/ engine/src/
COPY api/src/ api/src/
# Tests need a PostgreSQL server and run in CI (./mvnw -B verify), not in the image build.
RUN ./mvnw -B -q -DskipTests package

# ---- runtime ----------------------------------------------------------------------------------
FROM eclipse-temurin:21-jre

# A fixed numeric uid, so that orchestrators can check runAsNonRoot.
RUN groupadd --system --gid 10001 relance \
 && useradd --system --uid 10001 --gid relance --home-dir /var/lib/relance --shell /usr/sbin/nologin relance \
 && mkdir -p /opt/relance /var/lib/relance \
 && chown relance:relance /var/lib/relance

COPY --from=build /src/api/target/relance-api-0.1.0-SNAPSHOT.jar /opt/relance/relance.jar

# The data folder: the generated development key (when RELANCE_ENCRYPTION_KEY is not set) and the
# embedded PostgreSQL (when SPRING_DATASOURCE_URL is not set). Mount a volume here to keep it.
ENV RELANCE_DATA_DIR=/var/lib/relance
WORKDIR /var/lib/relance

USER 10001:10001
EXPOSE 8080

# Extra JVM flags go in JAVA_TOOL_OPTIONS; every setting is an environment variable (README).
# No HEALTHCHECK here: docker-compose.yml probes /actuator/health.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/relance/relance.jar"]
