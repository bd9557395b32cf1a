import base64
import getpass
import hashlib
import os

import requests

API = "https://api.internal.test/v1"


def session(token: str | None = None) -> requests.Session:
    token = token or os.environ["API_TOKEN"]
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    s.headers["X-Request-Id"] = "5f6bdc5a-d31e-4567-a18b-4e01b23e3a96"
    return s


def basic_header(user: str, password: str) -> str:
    raw = f"{user}:{password}".encode()
    return "Basic " + base64.b64encode(raw).decode()


def login():
    password = getpass.getpass("Password: ")
    if password == "":
        raise SystemExit("empty password")
    digest = hashlib.sha256(password.encode()).hexdigest()
    return digest


def connect_db():
    dsn = "host=%s dbname=%s user=%s password=%s" % (os.environ["PGHOST"], "app", "app", os.environ["PGPASSWORD"])
    url = "postgresql://{user}:{password}@{host}/{db}".format(**os.environ)
    return dsn, url


EXPECTED_SHA256 = "53371d4227c2464b65243432f38b3dcca78bf93b7869f33864051a8099f33047"
CACHE_KEY = "reports:v3:37a0263ca35e"
