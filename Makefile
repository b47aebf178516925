# catcafe-lakehouse: every command a user or CI needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

MVN := ./mvnw -B
PLATFORM := bin/platform
APP := bin/app
# Jobs and applications run by their name in the job catalog (package dev.catcafe.model.jobs).
RUN_JOB := bin/run-job
# Where `make test` runs its own platform, on free ports, beside any `make up` platform.
TEST_PLATFORM_HOME := $(CURDIR)/.work/test-platform
BUILD_STAMP := .work/build.stamp
# Extra arguments for a bench-* target's benchmark, e.g. make bench-alerts BENCH_ARGS=--rates=1000
BENCH_ARGS ?=

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

.PHONY: deps
deps: ## Install missing OS packages (PostgreSQL server, Chromium for the UI test)
	@bin/ensure-os-packages --browser

.PHONY: build
build: deps ## Compile every module, fetch Kafka and Trino, install the runnable layouts in .work/dist (no tests)
	$(MVN) -q install -DskipTests
	@bin/install-dist
	@mkdir -p .work && touch $(BUILD_STAMP)

# Rebuild before starting anything when a source or build file changed since the last build.
SOURCES := $(shell find pom.xml */pom.xml */*/pom.xml */src */*/src -type f 2>/dev/null)
$(BUILD_STAMP): $(SOURCES)
	$(MAKE) --no-print-directory build

# The install writes the runnable layouts (target/dist) the integration tests start; verify keeps
# them (dist.skip) rather than copying Spark's jars a second time. VERIFY runs the modules' suites:
# bin/verify-lanes, two lanes at once (see there); `make test-serial` one Maven run, module by module.
VERIFY ?= bin/verify-lanes
.PHONY: test
test: deps ## Build and run the whole test suite (unit + integration on a real platform)
	$(MVN) install -DskipTests
	@bin/install-dist
	CATCAFE_HOME=$(TEST_PLATFORM_HOME) $(PLATFORM) clean >/dev/null
	CATCAFE_HOME=$(TEST_PLATFORM_HOME) $(PLATFORM) up --free-ports
	CATCAFE_TEST_PLATFORM_HOME=$(TEST_PLATFORM_HOME) $(VERIFY); status=$$?; \
	  CATCAFE_HOME=$(TEST_PLATFORM_HOME) $(PLATFORM) down; exit $$status

.PHONY: test-serial
test-serial: ## The whole test suite in one Maven run, module after module (slower; one log)
	@$(MAKE) --no-print-directory test VERIFY="$(MVN) verify -Ddist.skip=true"

# LAKE_STORAGE=s3 (e.g. make run LAKE_STORAGE=s3; make exports it to bin/platform) puts the lake's
# warehouse in the platform's S3 store instead of .work/platform/warehouse: see README.
.PHONY: up
up: $(BUILD_STAMP) ## Start PostgreSQL, Kafka, the S3 store, the Iceberg catalog and Trino (idempotent; LAKE_STORAGE=s3: lake on S3)
	@$(PLATFORM) up

.PHONY: down
down: ## Stop the applications and every platform service; keep the data
	@bin/superset down
	@bin/notebook stop
	@$(APP) stop-all
	@$(PLATFORM) down

.PHONY: status
status: ## Show which services and applications are running
	@$(PLATFORM) status
	@$(APP) status
	@bin/superset status
	@bin/notebook status

.PHONY: clean
clean: down ## Stop everything and wipe the platform's data and logs, and the jobs' checkpoints
	@$(PLATFORM) clean
	@# The jobs' checkpoints record offsets of the topics just wiped: kept, they would point past
	@# the new topics' ends.
	@rm -rf .work/checkpoints

# The applications `make run` starts; each Spark job gets a modest heap so all fit beside Trino
# (bin/run-job gives Spark jobs SPARK_APP_OPTS). The alert UI listens on ALERT_UI_PORT.
export SPARK_APP_OPTS ?= -Xmx1g
export ALERT_UI_PORT ?= 8788
export SUPERSET_PORT ?= 8088
export SPARK_HISTORY_PORT ?= 18080
BATCH_INTERVAL ?= 1h

.PHONY: run
run: up seed ## Start the whole platform: services, simulator, streaming jobs, UI, batch; print where to look
	@echo "Starting the applications:"
	@$(APP) start event-producer
	@$(APP) start raw-ingestion
	@$(APP) start wellness-guardian
	@$(APP) start adopter-detective
	@$(APP) start alert-ui
	@$(APP) start history-server
	@echo "Waiting for the ingestion to create the raw tables ..."
	@bin/wait-for-tables cat_interactions_raw cat_wellness_raw cafe_orders_raw cat_health_alerts_raw
	@$(APP) start batch-scheduler --interval $(BATCH_INTERVAL)
	@echo "Waiting for the first batch cycle to write daily_cat_summary and the data-quality results ..."
	@bin/wait-for-tables daily_cat_summary cats_profiles_raw data_quality_results
	@$(MAKE) --no-print-directory trino-views
	@bin/superset up || echo "Superset did not start (see above and .work/platform/logs/superset.log); the platform runs on"
	@bin/notebook start --if-installed >/dev/null || echo "Jupyter did not start (the rest runs): see .work/platform/logs/jupyter.log"
	@echo
	@echo "Where to look:"
	@echo "  Alert UI     http://127.0.0.1:$(ALERT_UI_PORT)"
	@echo "  Trino        https://127.0.0.1:$${TRINO_PORT:-8080}  (make trino-cli; views in iceberg.cafe_analytics; users and passwords in .work/platform/platform.env)"
	@echo "  Spark UI     http://127.0.0.1:4040 (ingestion; the other jobs take the next free ports)"
	@echo "  History      http://127.0.0.1:$(SPARK_HISTORY_PORT)   (Spark History Server: finished batch runs and the streaming jobs; logs in .work/platform/spark-events)"
	@echo "  Prometheus   http://127.0.0.1:$${PROMETHEUS_PORT:-9090}   (alerts: /alerts; each program's /metrics on the job catalog's port, 9401-9406)"
	@echo "  Superset     http://127.0.0.1:$(SUPERSET_PORT)   (Cat Cafe 360° dashboard; user admin, password: superset.admin.password in .work/platform/secrets.properties)"
	@bin/notebook url
	@echo "  S3 store     $$(sed -n 's/^S3_ENDPOINT=//p' .work/platform/platform.env)   (bucket lake; lake warehouse $$(sed -n 's/^ICEBERG_WAREHOUSE=//p' .work/platform/platform.env))"
	@echo "  Logs         .work/platform/logs/   (make status)"
	@echo "  Env file     .work/platform/platform.env   (set -a; . .work/platform/platform.env; set +a)"
	@echo "  Stop         make down"

# JupyterHub with JupyterLab on 127.0.0.1:$NOTEBOOK_PORT, kernel on the lake (bin/notebook).
export NOTEBOOK_PORT ?= 8888

.PHONY: notebook
notebook: up ## Start JupyterHub + JupyterLab on http://127.0.0.1:$NOTEBOOK_PORT (installs it first: pinned venv in .work/jupyter)
	@bin/notebook start

.PHONY: seed
seed: up ## Create and fill the cats and visitors tables (idempotent; --reset via bin/run-job)
	@$(RUN_JOB) seed-profiles

.PHONY: produce
produce: up ## Run the live event producer in the foreground (Ctrl-C stops it)
	$(RUN_JOB) event-producer

.PHONY: ingest
ingest: up ## Run the raw ingestion (Kafka -> Iceberg) in the foreground
	$(RUN_JOB) raw-ingestion

.PHONY: alerts
alerts: up ## Run the Wellness Guardian and the Adopter Detective in the background
	@$(APP) start wellness-guardian
	@$(APP) start adopter-detective

.PHONY: ui
ui: up ## Run the alert UI in the foreground on http://127.0.0.1:$ALERT_UI_PORT
	$(RUN_JOB) alert-ui

.PHONY: batch
batch: up ## Run the catalog's batch jobs once, now: profile snapshot -> daily summary -> table maintenance -> data quality
	$(RUN_JOB) batch-scheduler --once

.PHONY: quality
quality: up ## Run the lake's data-quality checks now; results in data_quality_results, exit 1 if any failed
	$(RUN_JOB) data-quality

.PHONY: maintenance
maintenance: up ## Compact, rewrite manifests, expire snapshots, remove orphans on the lake's tables
	$(RUN_JOB) table-maintenance

.PHONY: trino-views
trino-views: up ## Create or replace the Trino analytics views (idempotent)
	$(RUN_JOB) trino-views

.PHONY: bench-producer
bench-producer: up ## Benchmark: producer events/s in burst mode
	bin/run bench dev.catcafe.bench.producer.ProducerBenchmark $(BENCH_ARGS)

.PHONY: bench-ingest
bench-ingest: up ## Benchmark: ingestion of a 5M-event backlog into Iceberg
	# The ingestion runs in the benchmark's JVM, so it takes the job's own JVM options (its collector).
	JAVA_OPTS="-Xmx6g $$(bin/run-job --jvm-options raw-ingestion)" bin/run bench dev.catcafe.bench.ingest.IngestBenchmark $(BENCH_ARGS)

.PHONY: bench-alerts
bench-alerts: up ## Benchmark: event-to-alert latency of both alert jobs
	bin/run bench dev.catcafe.bench.alerts.AlertLatencyBenchmark $(BENCH_ARGS)

.PHONY: bench-batch
bench-batch: up ## Benchmark: DailyCatSummaryJob vs the same aggregation in Trino
	JAVA_OPTS=-Xmx6g bin/run bench dev.catcafe.bench.batch.BatchBenchmark $(BENCH_ARGS)

.PHONY: bench-trino
bench-trino: up ## Benchmark: p50/p95 of each analytics view over a month of data
	JAVA_OPTS=-Xmx4g bin/run bench dev.catcafe.bench.trino.TrinoViewsBenchmark $(BENCH_ARGS)

.PHONY: bench-ui
bench-ui: up ## Benchmark: Kafka-to-browser latency of alert cards
	bin/run bench dev.catcafe.bench.ui.FeedLatencyBenchmark $(BENCH_ARGS)

.PHONY: bench-dashboard
bench-dashboard: up ## Benchmark: Superset dashboard load (seven charts drawn) in Chromium, p50/p95 of 20 loads, a month of data
	JAVA_OPTS=-Xmx4g bin/run bench dev.catcafe.bench.trino.DashboardLoadBenchmark $(BENCH_ARGS)

.PHONY: bench-first-value
bench-first-value: ## Benchmark: a first make run (run it in a fresh clone) until the UI answers, the first alert card, the first lake row, the end
	bin/time-to-first-value $(BENCH_ARGS)

.PHONY: bench-storage
bench-storage: up ## Benchmark: the lake's benchmarks on file:// and on s3:// (the platform's store), file s3 s3 file
	bin/bench-storage $(BENCH_ARGS)

# The soak: the streaming jobs and the UI under the simulator at SOAK_SPEED times its default rate
# for SOAK_DURATION, watched every minute; then the producer stops, the ingestion catches up, and
# Kafka and the lake are compared record by record. Not part of `make test` (SoakIT is its short form).
SOAK_DURATION ?= 30m
SOAK_SPEED ?= 10

.PHONY: soak
soak: up seed ## Benchmark: 30 min at 10x the simulator's rate; lag, heap, RSS, state per job each minute; produced vs lake
	@$(APP) stop event-producer
	@for app in raw-ingestion wellness-guardian adopter-detective alert-ui; do $(APP) start $$app; done
	@$(APP) start event-producer --speed $(SOAK_SPEED)
	@status=0; \
	  bin/run bench dev.catcafe.bench.soak.SoakBenchmark --duration=$(SOAK_DURATION) $(BENCH_ARGS) || status=1; \
	  $(APP) stop event-producer; \
	  bin/run bench dev.catcafe.bench.soak.SoakReconcile || status=1; \
	  echo "The producer is stopped; make run starts it again at its default rate."; \
	  exit $$status

.PHONY: manifests
manifests: $(BUILD_STAMP) ## Regenerate the Kubernetes manifests from the job catalog
	$(RUN_JOB) manifest-generator

.PHONY: manifests-check
manifests-check: $(BUILD_STAMP) ## Fail if the committed manifests are out of date
	$(RUN_JOB) manifest-generator --check

.PHONY: superset
superset: up ## Start Apache Superset (installed on first use) with the Cat Cafe 360° dashboard on http://127.0.0.1:$SUPERSET_PORT
	@bin/superset up

.PHONY: superset-bundle
superset-bundle: ## Zip the dashboards-as-code into a Superset import bundle (.work/superset/)
	superset/build-bundle

.PHONY: trino-cli
trino-cli: up ## Open the Trino CLI on the local platform
	@bin/trino-cli
