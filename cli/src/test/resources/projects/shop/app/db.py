import sqlite3

try:
    import ujson as json
except ImportError:
    import json

conn = sqlite3.connect("shop.db")


def query(sql):
    cursor = conn.cursor()
    cursor.execute(sql)
    return json.dumps(cursor.fetchall())
