"""The shop package re-exports its engine."""
from .core import Engine
from . import db
