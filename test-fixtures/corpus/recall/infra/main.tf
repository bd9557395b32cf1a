resource "azurerm_mssql_server" "sql" {
  name                         = "sql-orders"
  administrator_login          = "sqladmin"
  administrator_login_password = "CnzeBQpyZ65yRlLPhkLZ"
}
