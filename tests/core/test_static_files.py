"""Production static files: every file a vendored asset references is shipped (manifest build)."""

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_the_manifest_storage_finds_every_referenced_file(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path):
        call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
