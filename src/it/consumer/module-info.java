/** A host that embeds Lawang on the module path, as a consumer would, and needs nothing else. */
module dev.lawang.consumer {
    requires dev.lawang;
}
