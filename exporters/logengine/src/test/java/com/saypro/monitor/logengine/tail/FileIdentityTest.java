package com.saypro.monitor.logengine.tail;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** FileIdentity's hand-written equals and hashCode agree with what a record generates for (device, inode). */
class FileIdentityTest {

    private record Generated(long device, long inode) {
    }

    @Property(tries = 2000)
    void equalsAndHashCodeAreTheRecordOnes(@ForAll long device, @ForAll long inode, @ForAll long otherDevice,
            @ForAll long otherInode, @ForAll boolean same) {
        long d2 = same ? device : otherDevice;
        long i2 = same ? inode : otherInode;
        FileIdentity a = new FileIdentity(device, inode);
        FileIdentity b = new FileIdentity(d2, i2);

        assertThat(a.equals(b)).isEqualTo(new Generated(device, inode).equals(new Generated(d2, i2)));
        assertThat(a.hashCode()).isEqualTo(new Generated(device, inode).hashCode());
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals(new Generated(device, inode))).isFalse();
    }
}
