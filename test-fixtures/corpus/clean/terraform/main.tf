terraform {
  required_version = ">= 1.6"
  backend "s3" {
    bucket         = "tfstate-internal"
    key            = "prod/network.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "tf-locks"
    encrypt        = true
  }
}

resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_db_instance" "main" {
  identifier           = "orders"
  engine               = "postgres"
  instance_class       = "db.t4g.medium"
  username             = "orders"
  password             = random_password.db.result
  skip_final_snapshot  = false
  kms_key_id           = aws_kms_key.db.arn
}

resource "azurerm_mssql_server" "sql" {
  name                         = "sql-orders"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_admin_password
}

resource "aws_secretsmanager_secret" "api" {
  name       = "prod/api/token"
  kms_key_id = aws_kms_key.db.arn
}

variable "sql_admin_password" {
  type      = string
  sensitive = true
}

output "db_endpoint" {
  value = aws_db_instance.main.endpoint
}
