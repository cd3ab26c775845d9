"""What setup.cfg cannot say on EL8's setuptools 39.2: the packages with profiles/ and schemas/
mapped into migrate._profiles and migrate._schemas with every file under them (no recursive
globs before setuptools 62.3), and the dependencies from requirements/runtime.txt."""
import os

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_PACKAGES = {"migrate._profiles": "profiles", "migrate._schemas": "schemas"}


def data_files_under(folder):
    """Every file under folder, relative to it (the package data of a mapped package)."""
    found = []
    for current, dirs, names in os.walk(os.path.join(HERE, folder)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found.extend(os.path.relpath(os.path.join(current, n), os.path.join(HERE, folder)) for n in names)
    return sorted(found)


def runtime_requirements():
    with open(os.path.join(HERE, "requirements", "runtime.txt")) as handle:
        lines = (line.split("#", 1)[0].strip() for line in handle)
        return [line for line in lines if line]


setup(
    packages=find_packages(include=["migrate", "migrate.*"]) + sorted(DATA_PACKAGES),
    package_dir=DATA_PACKAGES,
    package_data=dict((package, data_files_under(folder)) for package, folder in DATA_PACKAGES.items()),
    install_requires=runtime_requirements(),
)
