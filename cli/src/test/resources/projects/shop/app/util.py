import requests
from time import sleep as nap


def fetch_json(url):
    nap(0.1)
    session = requests.Session()
    return session.get(url).json()


def unrelated(len):
    return len(3)
