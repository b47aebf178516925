# The image every SparkApplication runs (ghcr.io/catcafe/catcafe-spark-jobs:<version>): Apache
# Spark 4.1.3 on Java 17, the job modules' jars under /opt/catcafe/jars (the SparkApplications'
# `jars`), and their dependencies that Spark lacks (Iceberg runtime, Kafka connector, PostgreSQL
# JDBC, picocli, the shared model) in /opt/spark/jars. Build from the project root after `make build`:
#   sparkapps/image/build-context && docker build -f sparkapps/image/spark-jobs.Dockerfile \
#     -t ghcr.io/catcafe/catcafe-spark-jobs:0.1.0 .work/image
FROM apache/spark:4.1.3-scala2.13-java17-ubuntu
USER root
COPY spark-jars/ /opt/spark/jars/
COPY jars/ /opt/catcafe/jars/
RUN chmod -R a+rX /opt/catcafe /opt/spark/jars
# The spark user of the base image; the pods run it with a read-only root and a /tmp volume.
USER 185
