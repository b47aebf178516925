"""Runs the notebook's code cells, in order, against a scratch namespace of a real Iceberg catalog.

The namespace is first seeded with a small lake: a raw table written in several commits (so
`.files`, `.snapshots` and `.history` have rows), two snapshots of `cats_profiles_raw` with one cat
adopted in between (so time travel shows a change), and a `daily_cat_summary`. The seeding is this
script's; the notebook itself only reads. A cell that raises fails the check.

Usage (the same environment variables as the notebook; LAKEHOUSE_NAMESPACE must start with
`nbcheck` so real data is never touched):

    LAKEHOUSE_NAMESPACE=nbcheck ICEBERG_CATALOG_URI=jdbc:postgresql://…/iceberg_catalog \
    ICEBERG_CATALOG_USER=… ICEBERG_CATALOG_PASSWORD=… ICEBERG_WAREHOUSE=file:///tmp/nbcheck \
    python notebooks/check_notebook.py
"""
import contextlib
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

NOTEBOOK = Path(__file__).with_name("cat_cafe_lakehouse.ipynb")


def code_cells():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


def seed(spark, catalog, namespace):
    from pyspark.sql import Row

    qualified = f"{catalog}.{namespace}"
    if spark.sql(f"SHOW NAMESPACES IN {catalog}").where(f"namespace = '{namespace}'").count():
        if spark.sql(f"SHOW TABLES IN {qualified}").count():
            sys.exit(f"{qualified} already has tables: use a fresh namespace")
    spark.sql(f"CREATE NAMESPACE IF NOT EXISTS {qualified}")

    day = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc)
    spark.sql(f"""
        CREATE TABLE {qualified}.cat_locations_raw (
          event_time timestamp, cat_id string, location string, kafka_partition int,
          kafka_offset bigint, kafka_timestamp timestamp, ingested_at timestamp)
        USING iceberg PARTITIONED BY (days(event_time))""")
    for commit in range(3):  # three micro-batches: three small files per day
        rows = [
            Row(event_time=day + dt.timedelta(days=d, minutes=commit), cat_id=f"cat-{i}",
                location="lounge", kafka_partition=0, kafka_offset=commit * 10 + i,
                kafka_timestamp=day, ingested_at=day)
            for d in range(2) for i in range(3)
        ]
        spark.createDataFrame(rows).writeTo(f"{qualified}.cat_locations_raw").append()

    def cats(adopted):
        return [
            Row(cat_id=f"cat-{i}", name=name, coat_color="ginger", coat_length="short", age=2 + i,
                archetype="playful", status="adopted" if name in adopted else "available",
                admitted_date=day, adopted_date=day if name in adopted else None,
                last_checkup_time=day)
            for i, name in enumerate(["Pax", "Pumpkin", "Miso"])
        ]

    schema = ("cat_id string, name string, coat_color string, coat_length string, age int, "
              "archetype string, status string, admitted_date timestamp, adopted_date timestamp, "
              "last_checkup_time timestamp")
    for adopted in ([], ["Pumpkin"]):
        spark.createDataFrame(cats(adopted), schema).writeTo(
            f"{qualified}.cats_profiles_raw").createOrReplace()

    summary = [
        Row(day=(day + dt.timedelta(days=d)).date(), cat_id=f"cat-{i}", name=None,
            avg_activity_level=0.5 + i / 10, max_hours_since_drink=3.9,
            total_interaction_count=10 * (i + 1), like_count=i)
        for d in range(2) for i in range(3)
    ]
    spark.createDataFrame(
        summary,
        "day date, cat_id string, name string, avg_activity_level double, "
        "max_hours_since_drink double, total_interaction_count bigint, like_count bigint",
    ).writeTo(f"{qualified}.daily_cat_summary").partitionedBy("day").createOrReplace()


def main():
    namespace = os.environ.get("LAKEHOUSE_NAMESPACE", "")
    if not namespace.startswith("nbcheck"):
        sys.exit("LAKEHOUSE_NAMESPACE must start with 'nbcheck': this check writes seed tables")
    cells = code_cells()
    scope = {"__name__": "__notebook__"}
    exec(cells[0], scope)  # the session, configured exactly as the notebook does
    seed(scope["spark"], scope["catalog"], namespace)
    for number, cell in enumerate(cells[1:], start=2):
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(cell, scope)
        print(f"--- code cell {number}: ok\n{output.getvalue()}")
    print(f"{len(cells)} code cells ran")


if __name__ == "__main__":
    main()
