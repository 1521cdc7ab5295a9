-- Contacts are found by any part of the name, case- and accent-insensitive ("novak" finds "Jana Novák"): the name folded
-- to lower case without diacritics (the Latin letters of the countries served; no extension needed), kept as a column.
CREATE FUNCTION fold_name(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(translate(name, 'áàâãäåāăąćĉčçďđéèêëēěęğíìîïīıľĺłńňñóòôõöőøŕřśšşșťţțúùûüůűūýÿźžżÁÀÂÃÄÅĀĂĄĆĈČÇĎĐÉÈÊËĒĚĘĞÍÌÎÏĪİĽĹŁŃŇÑÓÒÔÕÖŐØŔŘŚŠŞȘŤŢȚÚÙÛÜŮŰŪÝŸŹŽŻ', 'aaaaaaaaaccccddeeeeeeegiiiiiilllnnnooooooorrsssstttuuuuuuuyyzzzAAAAAAAAACCCCDDEEEEEEEGIIIIIILLLNNNOOOOOOORRSSSSTTTUUUUUUUYYZZZ'));
ALTER TABLE contacts ADD COLUMN search_name text GENERATED ALWAYS AS (fold_name(name)) STORED;
-- Lists walk (name, id) in order for cursor paging.
CREATE INDEX contacts_by_name_and_id ON contacts (tenant_id, project_id, name, id);
