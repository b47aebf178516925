# catcafe-lakehouse: every command a user or CI needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

MVN := ./mvnw -B
PLATFORM := bin/platform
APP := bin/app
# Where `make test` runs its own platform, on free ports, beside any `make up` platform.
TEST_PLATFORM_HOME := $(CURDIR)/.work/test-platform
BUILD_STAMP := .work/build.stamp

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

.PHONY: deps
deps: ## Install missing OS packages (PostgreSQL server, Chromium for the UI test)
	@bin/ensure-os-packages --browser

.PHONY: build
build: deps ## Compile every module and fetch the Kafka and Trino distributions (no tests)
	$(MVN) -q install -DskipTests
	@mkdir -p .work && touch $(BUILD_STAMP)

# Rebuild before starting anything when a source or build file changed since the last build.
SOURCES := $(shell find pom.xml */pom.xml */*/pom.xml */src */*/src -type f 2>/dev/null)
$(BUILD_STAMP): $(SOURCES)
	$(MAKE) --no-print-directory build

.PHONY: test
test: deps ## Build and run the whole test suite (unit + integration on a real platform)
	$(MVN) install -DskipTests
	CATCAFE_HOME=$(TEST_PLATFORM_HOME) $(PLATFORM) clean >/dev/null
	CATCAFE_HOME=$(TEST_PLATFORM_HOME) $(PLATFORM) up --free-ports
	CATCAFE_TEST_PLATFORM_HOME=$(TEST_PLATFORM_HOME) $(MVN) verify; status=$$?; \
	  CATCAFE_HOME=$(TEST_PLATFORM_HOME) $(PLATFORM) down; exit $$status

.PHONY: up
up: $(BUILD_STAMP) ## Start PostgreSQL, Kafka, the Iceberg catalog and Trino (idempotent)
	@$(PLATFORM) up

.PHONY: down
down: ## Stop the applications and every platform service; keep the data
	@$(APP) stop-all
	@$(PLATFORM) down

.PHONY: status
status: ## Show which services and applications are running
	@$(PLATFORM) status
	@$(APP) status

.PHONY: clean
clean: down ## Stop everything and wipe the platform's data and logs
	@$(PLATFORM) clean

# The applications `make run` starts; each Spark job gets a modest heap so all fit beside Trino.
SPARK_APP_OPTS ?= -Xmx1g
BATCH_INTERVAL ?= 1h

.PHONY: run
run: up seed ## Start the whole platform: services, simulator, streaming jobs, UI, batch; print where to look
	@echo "Starting the applications:"
	@$(APP) start producer simulator dev.catcafe.simulator.ProduceEvents
	@JAVA_OPTS="$(SPARK_APP_OPTS)" $(APP) start ingestion streaming dev.catcafe.streaming.ingest.RawIngestionJob
	@JAVA_OPTS="$(SPARK_APP_OPTS)" $(APP) start wellness-guardian streaming dev.catcafe.streaming.alerts.WellnessGuardianJob
	@JAVA_OPTS="$(SPARK_APP_OPTS)" $(APP) start adopter-detective streaming dev.catcafe.streaming.alerts.AdopterDetectiveJob
	@$(APP) start alert-ui alert-ui dev.catcafe.alertui.AlertUiServer
	@echo "Waiting for the ingestion to create the raw tables ..."
	@bin/wait-for-tables cat_interactions_raw cat_wellness_raw cafe_orders_raw cat_health_alerts_raw
	@JAVA_OPTS="$(SPARK_APP_OPTS)" $(APP) start batch-scheduler batch dev.catcafe.batch.schedule.BatchScheduler --interval $(BATCH_INTERVAL)
	@echo "Waiting for the first batch cycle to write daily_cat_summary ..."
	@bin/wait-for-tables daily_cat_summary cats_profiles_raw
	@$(MAKE) --no-print-directory trino-views
	@echo
	@echo "Where to look:"
	@echo "  Alert UI     http://127.0.0.1:8788"
	@echo "  Trino        http://127.0.0.1:$${TRINO_PORT:-8080}   (make trino-cli; views in iceberg.cafe_analytics)"
	@echo "  Spark UI     http://127.0.0.1:4040 (ingestion; the other jobs take the next free ports)"
	@echo "  Logs         .work/platform/logs/   (make status)"
	@echo "  Env file     .work/platform/platform.env   (set -a; . .work/platform/platform.env; set +a)"
	@echo "  Stop         make down"

.PHONY: seed
seed: up ## Create and fill the cats and visitors tables (idempotent; --reset via bin/run)
	@bin/run simulator dev.catcafe.simulator.SeedProfiles

.PHONY: produce
produce: up ## Run the live event producer in the foreground (Ctrl-C stops it)
	bin/run simulator dev.catcafe.simulator.ProduceEvents

.PHONY: ingest
ingest: up ## Run the raw ingestion (Kafka -> Iceberg) in the foreground
	bin/run streaming dev.catcafe.streaming.ingest.RawIngestionJob

.PHONY: alerts
alerts: up ## Run the Wellness Guardian and the Adopter Detective in the background
	@JAVA_OPTS="$(SPARK_APP_OPTS)" $(APP) start wellness-guardian streaming dev.catcafe.streaming.alerts.WellnessGuardianJob
	@JAVA_OPTS="$(SPARK_APP_OPTS)" $(APP) start adopter-detective streaming dev.catcafe.streaming.alerts.AdopterDetectiveJob

.PHONY: ui
ui: up ## Run the alert UI in the foreground on http://127.0.0.1:8788
	bin/run alert-ui dev.catcafe.alertui.AlertUiServer

.PHONY: batch
batch: up ## Run profile snapshot -> daily summary -> table maintenance once, now
	bin/run batch dev.catcafe.batch.schedule.BatchScheduler --once

.PHONY: maintenance
maintenance: up ## Compact, rewrite manifests, expire snapshots, remove orphans on the lake's tables
	bin/run batch dev.catcafe.batch.maintenance.TableMaintenanceJob

.PHONY: trino-views
trino-views: up ## Create or replace the Trino analytics views (idempotent)
	bin/run trino dev.catcafe.trino.TrinoViews

.PHONY: bench-producer
bench-producer: up ## Benchmark: producer events/s in burst mode
	bin/run bench dev.catcafe.bench.producer.ProducerBenchmark

.PHONY: bench-ingest
bench-ingest: up ## Benchmark: ingestion of a 5M-event backlog into Iceberg
	JAVA_OPTS=-Xmx6g bin/run bench dev.catcafe.bench.ingest.IngestBenchmark

.PHONY: bench-alerts
bench-alerts: up ## Benchmark: event-to-alert latency of both alert jobs
	bin/run bench dev.catcafe.bench.alerts.AlertLatencyBenchmark

.PHONY: bench-batch
bench-batch: up ## Benchmark: DailyCatSummaryJob vs the same aggregation in Trino
	JAVA_OPTS=-Xmx6g bin/run bench dev.catcafe.bench.batch.BatchBenchmark

.PHONY: bench-trino
bench-trino: up ## Benchmark: p50/p95 of each analytics view over a month of data
	JAVA_OPTS=-Xmx4g bin/run bench dev.catcafe.bench.trino.TrinoViewsBenchmark

.PHONY: bench-ui
bench-ui: up ## Benchmark: Kafka-to-browser latency of alert cards
	bin/run bench dev.catcafe.bench.ui.FeedLatencyBenchmark

.PHONY: manifests
manifests: $(BUILD_STAMP) ## Regenerate the Kubernetes manifests from the Spark job declarations
	bin/run sparkapps dev.catcafe.sparkapps.ManifestGenerator

.PHONY: manifests-check
manifests-check: $(BUILD_STAMP) ## Fail if the committed manifests are out of date
	bin/run sparkapps dev.catcafe.sparkapps.ManifestGenerator --check

.PHONY: superset-bundle
superset-bundle: ## Zip the dashboards-as-code into a Superset import bundle (.work/superset/)
	superset/build-bundle

.PHONY: trino-cli
trino-cli: up ## Open the Trino CLI on the local platform
	@bin/trino-cli
