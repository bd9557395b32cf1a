terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
    random = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

provider "aws" {
  region     = var.region
  access_key = var.aws_access_key_id
  secret_key = var.aws_secret_access_key
}

resource "random_password" "db" {
  length           = 32
  special          = true
  override_special = "_%@"
}

resource "aws_db_instance" "app" {
  identifier          = "app-${var.env}"
  engine              = "postgres"
  username            = "app"
  password            = random_password.db.result
  kms_key_id          = aws_kms_key.db.arn
  skip_final_snapshot = true
}

resource "aws_secretsmanager_secret" "api_token" {
  name       = "app/${var.env}/api-token"
  kms_key_id = aws_kms_key.secrets.key_id
}

resource "aws_secretsmanager_secret_version" "api_token" {
  secret_id     = aws_secretsmanager_secret.api_token.id
  secret_string = jsonencode({ token = var.api_token })
}

data "vault_generic_secret" "stripe" {
  path = "secret/app/stripe"
}

resource "kubernetes_secret" "app" {
  metadata {
    name = "app-secrets"
  }
  data = {
    stripe_secret_key = data.vault_generic_secret.stripe.data["secret_key"]
    db_password       = random_password.db.result
    signing_key_file  = "/etc/app/signing.key"
  }
}

variable "api_token" {
  type      = string
  sensitive = true
}

output "secret_arn" {
  value = aws_secretsmanager_secret.api_token.arn
}
