package com.internal.db;

final class Db {
    static final String URL = "jdbc:postgresql://pg.internal:5432/orders?user=orders&password=1VpZcV3BgsOuIrLHJU&ssl=true";
    static final String ORA = "jdbc:oracle:thin:billing/7z4Wv7quWimnZ93h@ora-prod.corp:1521:BILL";
    boolean isAdmin(String password) {
        return password.equals("sOceP3PHusTd");
    }
}
