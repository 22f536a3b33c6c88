package io.shardline.meta.codec;

import io.shardline.common.auth.Privilege;
import io.shardline.meta.state.MetaCommand;
import io.shardline.proto.meta.CreateUser;
import io.shardline.proto.meta.DropUser;
import io.shardline.proto.meta.MetaCommandEnvelope;
import io.shardline.proto.meta.SetUserAdmin;
import io.shardline.proto.meta.SetUserPrivilege;
import io.shardline.proto.meta.UpdateUserPassword;

/** The user commands as Raft log entries and back. Stateless. */
public final class UserMessages {

    private UserMessages() {
    }

    /** Sets the user command on {@code b}; false if {@code command} is not a user command. */
    static boolean encode(MetaCommand command, MetaCommandEnvelope.Builder b) {
        if (command instanceof MetaCommand.CreateUser c) {
            b.setCreateUser(CreateUser.newBuilder().setName(c.name()).setHash(c.hash()).setAdmin(c.admin()));
        } else if (command instanceof MetaCommand.DropUser c) {
            b.setDropUser(DropUser.newBuilder().setName(c.name()));
        } else if (command instanceof MetaCommand.UpdateUserPassword c) {
            b.setUpdateUserPassword(UpdateUserPassword.newBuilder().setName(c.name()).setHash(c.hash()));
        } else if (command instanceof MetaCommand.SetUserPrivilege c) {
            b.setSetUserPrivilege(encode(c));
        } else if (command instanceof MetaCommand.SetUserAdmin c) {
            b.setSetUserAdmin(SetUserAdmin.newBuilder().setName(c.name()).setAdmin(c.admin()));
        } else {
            return false;
        }
        return true;
    }

    static SetUserPrivilege encode(MetaCommand.SetUserPrivilege c) {
        return SetUserPrivilege.newBuilder().setName(c.name()).setDatabase(c.database())
                .setPrivilege(c.privilege().bits()).setRevoke(c.revoke()).build();
    }

    public static MetaCommand.SetUserPrivilege decode(SetUserPrivilege m) {
        return new MetaCommand.SetUserPrivilege(m.getName(), m.getDatabase(), Privilege.ofBits(m.getPrivilege()),
                m.getRevoke());
    }

    /** The user command in {@code e}, or null if it holds another command. */
    static MetaCommand decode(MetaCommandEnvelope e) {
        return switch (e.getCommandCase()) {
            case CREATE_USER -> new MetaCommand.CreateUser(e.getCreateUser().getName(), e.getCreateUser().getHash(),
                    e.getCreateUser().getAdmin());
            case DROP_USER -> new MetaCommand.DropUser(e.getDropUser().getName());
            case UPDATE_USER_PASSWORD -> new MetaCommand.UpdateUserPassword(e.getUpdateUserPassword().getName(),
                    e.getUpdateUserPassword().getHash());
            case SET_USER_PRIVILEGE -> decode(e.getSetUserPrivilege());
            case SET_USER_ADMIN -> new MetaCommand.SetUserAdmin(e.getSetUserAdmin().getName(),
                    e.getSetUserAdmin().getAdmin());
            default -> null;
        };
    }
}
