# The simulator, alert UI and self-hosted S3 store image (ghcr.io/catcafe/catcafe-apps:<version>): a
# JRE and each module's runnable layout under /opt/catcafe/<module>/lib, as .work/dist/<module>/lib
# locally (see Applications#command), and S3Proxy's jars under /opt/catcafe/s3proxy/lib
# (SelfHostedObjectStore). Build after `make build`:
#   sparkapps/image/build-context && docker build -f sparkapps/image/apps.Dockerfile \
#     -t ghcr.io/catcafe/catcafe-apps:0.1.0 .work/image
FROM eclipse-temurin:17.0.16_8-jre-noble
COPY apps/ /opt/catcafe/
RUN chmod -R a+rX /opt/catcafe
USER 65532:65532
