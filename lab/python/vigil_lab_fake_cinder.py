"""Cinder volume driver for the Vigil lab: no block devices needed.

cinder.tests.fake_driver.FakeLoggingVolumeDriver (shipped in python3-cinder) turns every LVM
command into a logged no-op; its inherited copy_image_to_volume would still run qemu-img into
/dev/mapper/..., so volume-from-image is made a no-op too."""
from cinder.tests.fake_driver import FakeLoggingVolumeDriver


class FakeImageVolumeDriver(FakeLoggingVolumeDriver):
    """FakeLoggingVolumeDriver + no-op copy_image_to_volume."""

    def copy_image_to_volume(self, context, volume, image_service, image_id,
                             disable_sparse=False):
        pass
