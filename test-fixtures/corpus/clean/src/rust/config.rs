use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Settings read from the environment; secrets are wrapped so Debug never prints them.
#[derive(Deserialize)]
pub struct Settings {
    pub database_url: SecretString,
    pub api_token: SecretString,
    pub token_ttl_secs: u64,
    pub key_file: std::path::PathBuf,
}

impl Settings {
    pub fn from_env() -> anyhow::Result<Self> {
        Ok(Self {
            database_url: std::env::var("DATABASE_URL")?.into(),
            api_token: std::env::var("API_TOKEN")?.into(),
            token_ttl_secs: std::env::var("TOKEN_TTL").ok().and_then(|v| v.parse().ok()).unwrap_or(3600),
            key_file: "/run/secrets/signing.key".into(),
        })
    }

    pub fn auth_header(&self) -> String {
        format!("Bearer {}", self.api_token.expose_secret())
    }
}

pub const SCHEMA_HASH: &str = "cb59fa87423c6850c283ac339830851802b0cd27b8b2c4413c4e97f1d0b12737";
pub const RELEASE_ID: &str = "e503359c-7091-42cb-ae22-5ed1cfd555ec";
