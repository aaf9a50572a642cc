# syntax=docker/dockerfile:1
# SayPro Monitor exporters: one image, one jar; the command picks what runs.
#
#   docker build -t saypro-monitor --build-arg REVISION=$(git rev-parse --short HEAD) .
#   docker run -p 9810:9810 saypro-monitor                 # `all`: every exporter in one JVM
#   docker run saypro-monitor database --config.file=...   # one exporter
#
# JVM flags come from exporters/launcher/jvm.options (docs/BENCHMARKS.md says why); to change them,
# mount another file over /opt/saypro/jvm.options. A flag given in JDK_JAVA_OPTIONS is read before
# the file, so the file wins where both set the same flag.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG REVISION=unknown
WORKDIR /src
# The image's Maven 3.9 is what ./mvnw pins; using it directly saves downloading Maven again.
COPY pom.xml ./
COPY exporters/ exporters/
# every module of the root pom must exist for the reactor; only the launcher and what it needs is built
COPY demo/ demo/
COPY prometheus/generator/ prometheus/generator/
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dsaypro.revision="${REVISION}" -pl exporters/launcher -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 saypro \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/saypro --no-create-home --shell /usr/sbin/nologin saypro \
 && mkdir -p /opt/saypro /var/lib/saypro/demo /var/lib/saypro/state \
 && chown -R 10001:10001 /var/lib/saypro
COPY --from=build /src/exporters/launcher/target/saypro-monitor.jar /opt/saypro/saypro-monitor.jar
COPY exporters/launcher/jvm.options /opt/saypro/jvm.options
COPY exporters/launcher/jvm-oneshot.options /opt/saypro/jvm-oneshot.options
USER 10001:10001
WORKDIR /var/lib/saypro
# 9810: the suite endpoint of `all`; 9811-9817: the exporters' default ports.
EXPOSE 9810-9817
# No HEALTHCHECK here: the JRE image has neither curl nor wget, and the port to check depends on
# the command (9810 for `all`, the exporter's own port otherwise). docker-compose.yml checks
# `all` with bash's /dev/tcp instead, which needs no extra package.
ENTRYPOINT ["java", "@/opt/saypro/jvm.options", "-jar", "/opt/saypro/saypro-monitor.jar"]
CMD ["all"]
