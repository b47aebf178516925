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
	  awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

.PHONY: deps
deps: ## Install missing OS packages (PostgreSQL server, Chromium for the UI test)
	@bin/ensure-os-packages --browser

.PHONY: build
build: deps ## Compile every module and fetch the Kafka and Trino distributions (no tests)
	$(MVN) -q install -DskipTests
	@mkdir -p .work && touch $(BUILD_STAMP)

$(BUILD_STAMP):
	$(MAKE) build

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

.PHONY: run
run: up ## Start the whole platform: services, simulator, streaming jobs, UI; print where to look
	@echo
	@echo "Applications:"
	@echo "  (the simulator, streaming jobs, batch scheduler and alert UI land with their issues)"
	@echo
	@echo "Where to look:"
	@echo "  Trino        http://127.0.0.1:$${TRINO_PORT:-8080}  (make trino-cli)"
	@echo "  Env file     .work/platform/platform.env  (set -a; . .work/platform/platform.env; set +a)"
	@echo "  Logs         .work/platform/logs/"
	@echo "  Stop         make down"

.PHONY: trino-cli
trino-cli: up ## Open the Trino CLI on the local platform
	@bin/trino-cli
