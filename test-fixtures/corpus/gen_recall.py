#!/usr/bin/env python3
"""Generates test-fixtures/corpus/recall/: files in realistic formats, each holding freshly
generated secrets (tools/fill.py markers), and recall/expected.tsv listing every finding that
must be reported: file, rule id, 1-based line of the match start, and whether it is found only
after base64 decoding. Random values change on every run; the committed files are one such run.

Usage: gen_recall.py [OUTDIR]
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import fill  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "recall")
N = None  # a context chunk: no finding expected on it

FILES = {
    "app/.env": [
        ("# local overrides for the api service\nNODE_ENV=production\nPORT=8080", N),
        ("DATABASE_URL=postgres://api:«mix:22»@pg.prod.internal:5432/api?sslmode=require", "postgres-uri-password"),
        ("REDIS_URL=rediss://default:«mix:28»@cache.prod.internal:6380/0", "redis-uri-password"),
        ("CELERY_BROKER_URL=amqp://jobs:«mix:20»@mq.prod.internal:5672/jobs", "amqp-uri-password"),
        ("JWT_SECRET=«mix:48»", "jwt-signing-secret"),
        ("SECRET_KEY_BASE=«hex:128»", "rails-secret-key-base"),
        ("DJANGO_SECRET_KEY=«django:50»", "django-secret-key"),
        ("REACT_APP_ADMIN_PASSWORD=«mix:14»", "react-app-password"),
        ("DB_PASSWORD=«alnum:1»«pw:17»", "generic-password"),
        ("SERVICE_API_KEY=«mix:40»", "generic-api-key"),
        ("WEBHOOK_SECRET=«hex:32»", "generic-api-key"),
        ("BUNDLE_GEMS__CONTRIBSYS__COM=«hex:8»:«hex:8»", "sidekiq-gem-credentials"),
        ("LOG_LEVEL=info\nFEATURE_FLAGS=fast-search", N),
    ],
    "deploy/values.yaml": [
        ("replicaCount: 3\nimage:\n  repository: registry.internal.test/api\n  tag: 3.2.0\nconfig:", N),
        ("  mongoUri: mongodb+srv://api:«mix:24»@cluster0.ab1cd.mongodb.net/prod?retryWrites=true", "mongodb-uri-password"),
        ("  mailerUrl: smtps://alerts:«mix:20»@mail.internal.test:465", "smtp-uri-password"),
        ("  api_token: \"«mix:32»\"", "generic-api-key"),
        ("  serviceJwt: «jwt:RS256»", "jwt"),
        ("  smtp:\n    host: mail.internal.test", N),
        ("    password: \"«alnum:1»«pw:15»\"", "generic-password"),
        ("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api-env\ndata:", N),
        ("  env: «b64:DATABASE_URL=mysql://app:Zq7«mix:18»@mysql.internal:3306/app\\n»", "mysql-uri-password\tdecoded"),
        ("  token: «jwtjson:HS256»", "jwt-base64"),
    ],
    "config/appsettings.json": [
        ("{\n  \"Logging\": {\"LogLevel\": {\"Default\": \"Information\"}},\n  \"ConnectionStrings\": {", N),
        ("    \"Default\": \"Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=«mix:20»;Encrypt=True;\"", "odbc-connection-string-password"),
        ("  },\n  \"Auth\": {", N),
        ("    \"ClientSecret\": \"«b64urlrand:30»\",", "generic-api-key"),
        ("    \"IdToken\": \"«jwt:ES256»\"", "jwt"),
        ("  }\n}", N),
    ],
    "nix/hosts/db01.nix": [
        ("{ config, pkgs, ... }:\n{\n  users.users.alice = {\n    isNormalUser = true;", N),
        ("    hashedPassword = \"$6$«crypt:16»$«crypt:86»\";", "sha512crypt-hash"),
        ("  };\n  users.users.bob = {", N),
        ("    initialHashedPassword = \"$y$j9T$«crypt:22»$«crypt:43»\";", "yescrypt-hash"),
        ("  };\n  services.myapp = {\n    enable = true;", N),
        ("    password = \"«alnum:1»«pw:19»\";", "nixos-inline-password"),
        ("    database.url = \"postgresql://myapp:«mix:20»@localhost/myapp\";", "postgres-uri-password"),
        ("  };\n  services.redis.servers.\"\" = {", N),
        ("    requirePass = \"«mix:24»\";", "redis-requirepass"),
        ("  };\n  environment.etc.\"deploy/id_ed25519\".text = ''", N),
        ("    «pem:OPENSSH_PRIVATE_KEY:300:6f70656e7373682d6b65792d763100000000046e6f6e65000000046e6f6e650000000000000001000000330000000b7373682d6564323535313900000020:70»", "openssh-private-key"),
        ("  '';\n}", N),
    ],
    "keys/id_rsa": [("«pem:RSA_PRIVATE_KEY:1180:308204a40201000282010100»", "pem-rsa-private-key")],
    "keys/server.key": [("«pem:PRIVATE_KEY:1200:308204bd020100300d06092a864886f70d0101010500048204a7»", "pem-pkcs8-private-key")],
    "keys/ec.pem": [("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----", N),
                    ("«pem:EC_PRIVATE_KEY:112:30770201010420»", "pem-ec-private-key")],
    "keys/dsa.pem": [("«pem:DSA_PRIVATE_KEY:440:308201bb02010002818100»", "pem-dsa-private-key")],
    "keys/legacy-encrypted.pem": [("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,«HEX:32»\n\n«lines:1190:64»\n-----END RSA PRIVATE KEY-----", "pem-legacy-encrypted-private-key")],
    "keys/pkcs8-encrypted.pem": [("«pem:ENCRYPTED_PRIVATE_KEY:1290:308205063040»", "pem-pkcs8-encrypted-private-key")],
    "keys/ops-secret.asc": [("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n«lines:900:64»\n=«b64rand:3»\n-----END PGP PRIVATE KEY BLOCK-----", "pgp-private-key-block")],
    "keys/deploy.ppk": [("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@build-01\nPublic-Lines: 2\n«lines:51:64»\nPrivate-Lines: 1\n«lines:36:64»\nPrivate-MAC: «hex:64»", "putty-private-key")],
    "keys/legacy.ssh2": [("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-20240115\"\n«lines:880:70»\n---- END SSH2 ENCRYPTED PRIVATE KEY ----", "ssh2-encrypted-private-key")],
    "keys/x25519.pem": [("«pem:X25519_PRIVATE_KEY:48:302e020100300506032b656e04220420»", "pem-private-key")],
    "keys/kubeconfig": [
        ("apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://k8s.prod.internal:6443\nusers:\n- name: admin\n  user:", N),
        ("    client-certificate-data: «b64pem:CERTIFICATE:400:3082018c»", N),
        ("    client-key-data: «b64pem:EC_PRIVATE_KEY:112:30770201010420»", "pem-private-key-base64"),
    ],
    "keys/service-account.json": [
        ("{\n  \"type\": \"service_account\",\n  \"project_id\": \"internal-prod\",", N),
        ("  \"private_key\": \"«pemesc:PRIVATE_KEY:1200:308204bd020100300d06092a864886f70d0101010500048204a7»\",", "pem-pkcs8-private-key"),
        ("  \"client_email\": \"ci@internal-prod.iam.gserviceaccount.test\"\n}", N),
    ],
    "etc/shadow": [
        ("root:!:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::", N),
        ("backup:$1$«crypt:8»$«crypt:22»:19700:0:99999:7:::", "md5crypt-hash"),
        ("deploy:$5$«crypt:16»$«crypt:43»:19876:0:99999:7:::", "sha256crypt-hash"),
        ("ops:$6$rounds=656000$«crypt:16»$«crypt:86»:19876:0:99999:7:::", "sha512crypt-hash"),
        ("alice:$y$j9T$«crypt:22»$«crypt:43»:19800:0:99999:7:::", "yescrypt-hash"),
    ],
    "etc/nginx/htpasswd": [
        ("admin:$apr1$«crypt:8»$«crypt:22»", "apr1-hash"),
        ("ci:$2y$10$«crypt:53»", "bcrypt-hash"),
    ],
    "etc/router.cfg": [
        ("hostname edge-01\n!", N),
        ("username netadmin privilege 15 secret 8 $8$«crypt:14»$«crypt:43»", "cisco-type8-hash"),
        ("enable secret 8 $8$«crypt:14»$«crypt:43»", "cisco-type8-hash"),
        ("!\ninterface GigabitEthernet0/0\n description uplink", N),
    ],
    "loot/asrep.txt": [("$krb5asrep$23$svc_backup@CORP.INTERNAL:«hex:32»$«hex:420»", "krb5-asrep-hash")],
    "db/dump.sql": [
        ("CREATE TABLE users (id uuid primary key, email text, password_hash text);", N),
        ("INSERT INTO users VALUES ('7d9f1c2e-4b6a-4f1e-9a3b-2c8d5e6f7a1b', 'ops@corp.test', '$argon2id$v=19$m=65536,t=3,p=4$«b64nopad:16»$«b64nopad:32»');", "argon2-hash"),
        ("INSERT INTO users VALUES ('1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d', 'dev@corp.test', '$2b$12$«crypt:53»');", "bcrypt-hash"),
    ],
    "scripts/deploy.sh": [
        ("#!/usr/bin/env bash\nset -euo pipefail", N),
        ("curl -fsS -u admin:«mix:16» https://nexus.internal.test/service/rest/v1/status", "curl-user-credentials"),
        ("curl -sS -H \"Authorization: Bearer «mix:40»\" https://api.internal.test/v2/jobs", "http-bearer-auth-header"),
        ("curl -H \"Authorization: Basic «b64up:jenkins»\" https://jenkins.internal.test/api/json", "http-basic-auth-header"),
        ("curl -H \"X-Api-Key: «mix:32»\" https://metrics.internal.test/ingest", "http-api-key-header"),
        ("git remote add mirror https://mirror-bot:«mix:40»@git.internal.test/org/repo.git", "http-url-credentials"),
        ("wget ftp://mirror:«mix:14»@ftp.partner.test/outgoing/report.csv", "ftp-uri-password"),
        ("curl \"https://hooks.internal.test/notify?channel=ops&token=«mix:32»\"", "url-query-secret"),
        ("curl \"https://api.particle.io/v1/devices?access_token=«hex:40»\"", "particle-access-token"),
        ("clickhouse-client --host ch.internal  # CLICKHOUSE_URL=clickhouse://default:«mix:20»@ch.internal:9000/metrics", "uri-credentials"),
    ],
    "scripts/ops.ps1": [
        ("$ErrorActionPreference = 'Stop'", N),
        ("psexec \\\\srv01 -u CORP\\admin -p «mix:14» cmd /c ipconfig", "psexec-credentials"),
        ("Connect-VIServer -Server vc01.corp.internal -User administrator@vsphere.local -Password «mix:16»", "powercli-credentials"),
    ],
    "src/Db.java": [
        ("package com.internal.db;\n\nfinal class Db {", N),
        ("    static final String URL = \"jdbc:postgresql://pg.internal:5432/orders?user=orders&password=«mix:18»&ssl=true\";", "jdbc-url-password"),
        ("    static final String ORA = \"jdbc:oracle:thin:billing/«mix:16»@ora-prod.corp:1521:BILL\";", "jdbc-oracle-password"),
        ("    boolean isAdmin(String password) {", N),
        ("        return password.equals(\"«mix:12»\");", "password-comparison"),
        ("    }\n}", N),
    ],
    "src/Mailer.cs": [
        ("using System.Net;\nusing System.DirectoryServices;\n\nclass Mailer {\n  void Send() {", N),
        ("    client.Credentials = new NetworkCredential(\"svc_mail\", \"«mix:16»\");", "dotnet-network-credential"),
        ("    var de = new DirectoryEntry(\"LDAP://dc01.corp.internal\", \"CORP\\\\svc_ldap\", \"«mix:16»\");", "dotnet-directory-entry"),
        ("  }\n}", N),
    ],
    "src/web.config": [
        ("<?xml version=\"1.0\"?>\n<configuration>\n  <appSettings>", N),
        ("    <add key=\"SmtpPassword\" value=\"«mix:16»\" />", "dotnet-config-secret"),
        ("  </appSettings>\n</configuration>", N),
    ],
    "src/NuGet.Config": [
        ("<configuration>\n  <packageSourceCredentials>\n    <internal>\n      <add key=\"Username\" value=\"ci\" />", N),
        ("      <add key=\"ClearTextPassword\" value=\"«mix:24»\" />", "nuget-config-password"),
        ("    </internal>\n  </packageSourceCredentials>\n</configuration>", N),
    ],
    "src/build.gradle": [
        ("plugins { id 'java' }\n\nrepositories {\n    maven {\n        url \"https://nexus.internal.test/repository/maven-releases/\"", N),
        ("        credentials {\n            username \"deployer\"\n            password \"«mix:16»\"\n        }", "gradle-credentials"),
        ("    }\n}", N),
    ],
    "src/mail.php": [
        ("<?php\n$mail = new PHPMailer(true);\n$mail->Host = 'smtp.internal.test';\n$mail->Username = 'alerts';", N),
        ("$mail->Password = '«mix:16»';", "phpmailer-password"),
    ],
    "src/settings.py": [
        ("import psycopg2\n", N),
        ("conn = psycopg2.connect(\"host=pg.internal dbname=app user=app password=«mix:20» sslmode=require\")", "libpq-dsn-password"),
    ],
    "infra/main.tf": [
        ("resource \"azurerm_mssql_server\" \"sql\" {\n  name                         = \"sql-orders\"\n  administrator_login          = \"sqladmin\"", N),
        ("  administrator_login_password = \"«mix:20»\"", "terraform-inline-password"),
        ("}", N),
    ],
    "home/.npmrc": [
        ("registry=https://npm.internal.test/", N),
        ("//npm.internal.test/:_authToken=«b64urlrand:30»", "npmrc-auth-token"),
        ("_auth=«b64up:builder»", "npmrc-auth"),
        ("//nexus.internal.test/repository/npm/:_password=«b64rand:15»", "npmrc-password"),
    ],
    "home/.docker/config.json": [
        ("{\n  \"auths\": {\n    \"registry.internal.test\": {", N),
        ("      \"auth\": \"«b64up:deploy»\"", "docker-config-auth"),
        ("    },\n    \"myregistry.azurecr.io\": {", N),
        ("      \"identitytoken\": \"«b64urlrand:48»\"", "docker-identity-token"),
        ("    }\n  }\n}", N),
    ],
    "home/.netrc": [
        ("machine artifacts.internal.test\n  login ci-bot\n  password «mix:32»", "netrc-credentials"),
    ],
    "etc/redis.conf": [
        ("bind 127.0.0.1\nport 6379\n# requirepass foobared", N),
        ("requirepass «mix:32»", "redis-requirepass"),
    ],
    "etc/sssd.conf": [
        ("[domain/corp]\nldap_uri = ldaps://ldap.corp.internal\nldap_default_bind_dn = cn=reader,dc=corp", N),
        ("ldap_default_authtok = «mix:18»", "generic-api-key"),
        ("bindpw «mix:18»", "ldap-bind-password"),
    ],
    "docs/runbook.md": [
        ("# Runbook\n\nIf the dashboard is down, log in as the break-glass user.", N),
        ("The default password is \"«mix:12»\" until you change it.", "password-prose"),
        ("", N),
        ("Legacy reporting DB: `mysql://report:«mix:16»@mysql-legacy.internal:3306/report`", "mysql-uri-password"),
        ("LDAP for the old wiki: `ldaps://svc_wiki:«mix:18»@ldap.corp.internal:636`", "ldap-uri-password"),
        ("Session cookie seen in the incident: `«jwe:RSA-OAEP-256»`", "jwe"),
        ("Gem source: `https://«hex:8»:«hex:8»@gems.contribsys.com/`", "sidekiq-gem-credentials"),
        ("\nThat's all.", N),
    ],
}


def main():
    rows = []
    for path, chunks in FILES.items():
        lines = []
        for text, rule in chunks:
            filled = fill.fill(text)
            if rule is not None:
                rule_id, _, flag = rule.partition("\t")
                rows.append((path, rule_id, len(lines) + 1, "decoded" if flag == "decoded" else ""))
            lines.extend(filled.split("\n"))
        full = os.path.join(OUT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\trule\tline\tdecoded\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r).rstrip("\t") + "\n")
    print(f"{len(FILES)} files, {len(rows)} expected findings, {len({r[1] for r in rows})} rules")


if __name__ == "__main__":
    main()
