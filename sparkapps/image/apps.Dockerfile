# The simulator and alert UI image (ghcr.io/catcafe/catcafe-apps:<version>): a JRE and each module's
# runtime class path under /opt/catcafe/<module>/lib (see JvmApp#command). Build after `make build`:
#   sparkapps/image/build-context && docker build -f sparkapps/image/apps.Dockerfile \
#     -t ghcr.io/catcafe/catcafe-apps:0.1.0 .work/image
FROM eclipse-temurin:17.0.16_8-jre-noble
COPY apps/ /opt/catcafe/
RUN chmod -R a+rX /opt/catcafe
USER 65532:65532
