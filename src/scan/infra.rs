//! Reading where a product's data lives out of its infrastructure files: the data
//! stores a `docker-compose` file runs (PostgreSQL, Redis...), and the cloud regions
//! and managed data stores Terraform files and Pulumi stack settings declare.
//!
//! What is found here is a placement, not a recipient: a database the product runs on
//! its own servers sends data to nobody, but it says what is stored and, with a
//! region, where, which the interview can offer as hosting and storage answers.
//! Terraform's `required_providers` also name providers, which the catalog can
//! recognise like any package (see [`terraform_providers`]). Files are read line by
//! line, never evaluated; only literal values count.

use serde::Serialize;

use super::manifests::{Clue, clue, strip_comment};
use crate::catalog::Ecosystem;

/// What an infrastructure file says about where data lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlacementKind {
    /// A database, cache, search index, queue or object store the product runs or
    /// has a provider run for it.
    DataStore,
    /// A cloud region or location resources are created in.
    Region,
}

/// One thing an infrastructure file says about where data lives, and where it says it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Placement {
    /// Relative to the scanned directory, with `/` separators (set by the scan).
    pub file: String,
    pub line: usize,
    pub kind: PlacementKind,
    /// The store ("PostgreSQL", or a Terraform resource type such as
    /// `aws_db_instance`), or the provider a region belongs to ("aws", "hcloud").
    pub name: String,
    /// What it was recognised from, as written: `image: postgres:16 (service db)`,
    /// `provider "aws"`, `aws:region`.
    pub source: String,
    /// The region or location, where the file gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

fn placement(line: usize, kind: PlacementKind, name: &str, source: String) -> Placement {
    Placement {
        file: String::new(),
        line,
        kind,
        name: name.to_owned(),
        source,
        region: None,
    }
}

/// Container images (the last part of the image name, without registry, namespace or
/// tag) that are data stores, and what to call them.
const STORE_IMAGES: &[(&str, &str)] = &[
    ("postgres", "PostgreSQL"),
    ("postgresql", "PostgreSQL"),
    ("postgis", "PostgreSQL"),
    ("pgvector", "PostgreSQL"),
    ("timescaledb", "PostgreSQL"),
    ("mysql", "MySQL"),
    ("mariadb", "MariaDB"),
    ("mongo", "MongoDB"),
    ("mongodb", "MongoDB"),
    ("redis", "Redis"),
    ("redis-stack", "Redis"),
    ("redis-stack-server", "Redis"),
    ("valkey", "Valkey"),
    ("keydb", "KeyDB"),
    ("dragonfly", "Dragonfly"),
    ("memcached", "Memcached"),
    ("elasticsearch", "Elasticsearch"),
    ("opensearch", "OpenSearch"),
    ("meilisearch", "Meilisearch"),
    ("typesense", "Typesense"),
    ("minio", "MinIO object storage"),
    ("clickhouse", "ClickHouse"),
    ("clickhouse-server", "ClickHouse"),
    ("cassandra", "Cassandra"),
    ("neo4j", "Neo4j"),
    ("couchdb", "CouchDB"),
    ("influxdb", "InfluxDB"),
    ("rabbitmq", "RabbitMQ"),
    ("kafka", "Kafka"),
    ("qdrant", "Qdrant"),
    ("weaviate", "Weaviate"),
    ("chroma", "Chroma"),
    ("milvus", "Milvus"),
];

/// The store an image runs, if it is one: `docker.io/bitnami/postgresql:16@sha256:..`
/// is PostgreSQL.
fn store_image(image: &str) -> Option<&'static str> {
    let image = image.split('@').next().unwrap_or(image);
    let last = image.rsplit('/').next().unwrap_or(image);
    let last = last.split(':').next().unwrap_or(last).to_ascii_lowercase();
    STORE_IMAGES
        .iter()
        .find(|(name, _)| *name == last)
        .map(|(_, store)| *store)
}

/// The indentation of a line, in bytes of leading whitespace.
fn indent(raw: &str) -> usize {
    raw.len() - raw.trim_start().len()
}

/// The data stores a Compose file's `services` run, by their `image`.
pub fn compose(text: &str) -> Vec<Placement> {
    let mut out = Vec::new();
    let mut in_services = false;
    let mut service_indent = None;
    let mut service = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        let at = indent(raw);
        if at == 0 {
            in_services = line == "services:";
            service_indent = None;
            continue;
        }
        if !in_services {
            continue;
        }
        let level = *service_indent.get_or_insert(at);
        if at == level {
            service = line
                .trim_end_matches(':')
                .trim_matches(['"', '\''])
                .to_owned();
            continue;
        }
        if let Some(image) = line.strip_prefix("image:") {
            let image = image.trim().trim_matches(['"', '\'']);
            if let Some(store) = store_image(image) {
                out.push(placement(
                    i + 1,
                    PlacementKind::DataStore,
                    store,
                    format!("image: {image} (service {service})"),
                ));
            }
        }
    }
    out
}

/// Terraform resource types (after the provider's prefix) that are managed data
/// stores: databases, caches, buckets.
const STORE_RESOURCES: &[&str] = &[
    "db_instance",
    "rds_cluster",
    "dynamodb_table",
    "elasticache_cluster",
    "elasticache_replication_group",
    "s3_bucket",
    "sql_database_instance",
    "storage_bucket",
    "firestore_database",
    "redis_instance",
    "postgresql_flexible_server",
    "mysql_flexible_server",
    "cosmosdb_account",
    "storage_account",
    "database_cluster",
    "spaces_bucket",
    "rdb_instance",
    "object_bucket",
    "cloud_project_database",
];

/// A block opened on a Terraform line: `provider "aws" {` → the provider `aws`;
/// `resource "aws_db_instance" "main" {` → the resource type.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Provider(String),
    Resource(String),
    RequiredProviders,
    Other,
}

fn block_of(line: &str) -> Block {
    let mut words = line.split_whitespace();
    let label = |w: Option<&str>| w.map(|w| w.trim_matches('"').to_owned());
    match words.next() {
        Some("provider") => label(words.next()).map_or(Block::Other, Block::Provider),
        Some("resource" | "data") => label(words.next()).map_or(Block::Other, Block::Resource),
        Some("required_providers") => Block::RequiredProviders,
        _ => Block::Other,
    }
}

/// `{` minus `}` on a line, outside quotes.
fn brace_balance(line: &str) -> i32 {
    let mut quote = false;
    let mut n = 0;
    for c in line.chars() {
        match c {
            '"' => quote = !quote,
            '{' if !quote => n += 1,
            '}' if !quote => n -= 1,
            _ => {}
        }
    }
    n
}

/// A literal string value of `key = "x"` at the start of a line.
fn attribute<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    let value = rest.strip_prefix('"')?;
    let end = value.find('"')?;
    let value = &value[..end];
    (!value.is_empty() && !value.contains("${")).then_some(value)
}

/// Walks a Terraform file's blocks, calling `each(line number, innermost labelled
/// block, line)` for every line inside one. `#` and `//` comments are skipped.
fn walk_terraform(text: &str, mut each: impl FnMut(usize, &Block, &str)) {
    let mut stack: Vec<Block> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        let line = line.split("//").next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let balance = brace_balance(line);
        if let Some(block) = stack.iter().rev().find(|b| **b != Block::Other) {
            each(i + 1, block, line);
        }
        if balance > 0 {
            let opened = block_of(line);
            if opened == Block::Other
                && let Some(Block::RequiredProviders) = stack.last()
            {
                // `aws = { source = ... }` across lines stays inside required_providers.
                stack.push(Block::RequiredProviders);
            } else {
                stack.push(opened);
            }
            for _ in 1..balance {
                stack.push(Block::Other);
            }
        } else {
            for _ in 0..(-balance) {
                stack.pop();
            }
        }
    }
}

/// The provider source addresses a Terraform file requires (`hashicorp/aws`), for
/// the catalog's `terraform` keys.
pub fn terraform_providers(text: &str) -> Vec<Clue> {
    let mut out = Vec::new();
    walk_terraform(text, |number, block, line| {
        if *block == Block::RequiredProviders {
            let source = attribute(line, "source").or_else(|| {
                let at = line.find("source")?;
                attribute(&line[at..], "source")
            });
            if let Some(source) = source {
                out.push(clue(Ecosystem::Terraform, source, number));
            }
        }
    });
    out
}

/// Regions in `provider` and resource blocks, and resources that are data stores.
pub fn terraform(text: &str) -> Vec<Placement> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if !line.starts_with("resource") {
            continue;
        }
        if let Block::Resource(t) = block_of(line)
            && let Some((_, rest)) = t.split_once('_')
            && STORE_RESOURCES.contains(&rest)
        {
            out.push(placement(
                i + 1,
                PlacementKind::DataStore,
                &t,
                format!("resource \"{t}\""),
            ));
        }
    }
    walk_terraform(text, |number, block, line| {
        let (provider, source) = match block {
            Block::Provider(p) => (p.clone(), format!("provider \"{p}\"")),
            Block::Resource(t) => (
                t.split('_').next().unwrap_or(t).to_owned(),
                format!("resource \"{t}\""),
            ),
            _ => return,
        };
        for key in ["region", "location"] {
            if let Some(region) = attribute(line, key) {
                let mut p = placement(number, PlacementKind::Region, &provider, source.clone());
                p.region = Some(region.to_owned());
                out.push(p);
            }
        }
    });
    out.sort();
    out
}

/// `<provider>:region` and `<provider>:location` settings in a Pulumi project or
/// stack file (`Pulumi.yaml`, `Pulumi.prod.yaml`).
pub fn pulumi(text: &str) -> Vec<Placement> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        let Some((provider, setting)) = key.trim().split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        if matches!(setting, "region" | "location") && !value.is_empty() {
            let mut p = placement(
                i + 1,
                PlacementKind::Region,
                provider,
                key.trim().to_owned(),
            );
            p.region = Some(value.to_owned());
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(found: &[Placement]) -> Vec<(usize, PlacementKind, &str, Option<&str>)> {
        found
            .iter()
            .map(|p| (p.line, p.kind, p.name.as_str(), p.region.as_deref()))
            .collect()
    }

    #[test]
    fn compose_services_that_store_data() {
        let yaml = "version: '3'\nservices:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: x\n  cache:\n    image: \"docker.io/bitnami/redis:7\"\n  web:\n    build: .\n    image: acme/web:latest\n  # old:\n  #   image: mysql:8\nvolumes:\n  data:\n";
        let found = compose(yaml);
        assert_eq!(
            summary(&found),
            [
                (4, PlacementKind::DataStore, "PostgreSQL", None),
                (8, PlacementKind::DataStore, "Redis", None)
            ]
        );
        assert_eq!(found[0].source, "image: postgres:16-alpine (service db)");
        assert_eq!(
            store_image("pgvector/pgvector:pg16@sha256:abc"),
            Some("PostgreSQL")
        );
        assert_eq!(store_image("acme/postgres-backup"), None);
    }

    #[test]
    fn terraform_regions_stores_and_providers() {
        let tf = "terraform {\n  required_providers {\n    aws = {\n      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n    }\n    hcloud = { source = \"hetznercloud/hcloud\" }\n  }\n}\n\nprovider \"aws\" {\n  region = \"eu-central-1\" # Frankfurt\n}\n\nresource \"aws_db_instance\" \"main\" {\n  engine = \"postgres\"\n  tags = { name = \"db\" }\n}\n\nresource \"hcloud_server\" \"web\" {\n  location = \"nbg1\"\n  // location = \"ash\"\n  region = var.region\n}\n";
        let providers: Vec<(String, usize)> = terraform_providers(tf)
            .into_iter()
            .map(|c| (c.name, c.line))
            .collect();
        assert_eq!(
            providers,
            [
                ("hashicorp/aws".to_owned(), 4),
                ("hetznercloud/hcloud".to_owned(), 7)
            ]
        );
        assert_eq!(
            summary(&terraform(tf)),
            [
                (12, PlacementKind::Region, "aws", Some("eu-central-1")),
                (15, PlacementKind::DataStore, "aws_db_instance", None),
                (21, PlacementKind::Region, "hcloud", Some("nbg1"))
            ]
        );
    }

    #[test]
    fn pulumi_stack_regions() {
        let yaml = "config:\n  aws:region: us-east-1\n  azure-native:location: westeurope\n  acme:apiUrl: https://x\n";
        assert_eq!(
            summary(&pulumi(yaml)),
            [
                (2, PlacementKind::Region, "aws", Some("us-east-1")),
                (3, PlacementKind::Region, "azure-native", Some("westeurope"))
            ]
        );
    }
}
